let a = b ;

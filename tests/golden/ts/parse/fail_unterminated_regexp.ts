const re = /abc[/;

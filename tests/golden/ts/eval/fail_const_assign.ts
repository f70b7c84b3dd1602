const prefix = 'app_';
prefix = 'other_';

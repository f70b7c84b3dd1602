import pg = require("pg");

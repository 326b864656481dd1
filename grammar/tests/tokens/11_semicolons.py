a; b;

function score(input) { while (true) {} }

'use strict';
/*
 * What the playground knows of each language of GET /languages (by its name, every version alike):
 * the hello world it opens with, and its CodeMirror 5 mode (the file under mode/, and the MIME
 * type to ask it for), loaded when the language is first shown. A language missing here opens
 * empty and unhighlighted.
 */
const LANGUAGES = {
  java: { mode: 'clike', mime: 'text/x-java', hello: `public class Main {
    public static void main(String[] args) {
        System.out.println("Hello, World!");
    }
}
` },
  kotlin: { mode: 'clike', mime: 'text/x-kotlin', hello: `fun main() {
    println("Hello, World!")
}
` },
  javascript: { mode: 'javascript', mime: 'text/javascript', hello: `console.log('Hello, World!');
` },
  typescript: { mode: 'javascript', mime: 'text/typescript', hello: `const greeting: string = 'Hello, World!';
console.log(greeting);
` },
  python: { mode: 'python', mime: 'text/x-python', hello: `print("Hello, World!")
` },
  ruby: { mode: 'ruby', mime: 'text/x-ruby', hello: `puts "Hello, World!"
` },
  rust: { mode: 'rust', mime: 'text/x-rustsrc', hello: `fn main() {
    println!("Hello, World!");
}
` },
  go: { mode: 'go', mime: 'text/x-go', hello: `package main

import "fmt"

func main() {
	fmt.Println("Hello, World!")
}
` },
  c: { mode: 'clike', mime: 'text/x-csrc', hello: `#include <stdio.h>

int main(void) {
    printf("Hello, World!\\n");
    return 0;
}
` },
  cpp: { mode: 'clike', mime: 'text/x-c++src', hello: `#include <iostream>

int main() {
    std::cout << "Hello, World!\\n";
}
` },
  csharp: { mode: 'clike', mime: 'text/x-csharp', hello: `using System;

class Program
{
    static void Main()
    {
        Console.WriteLine("Hello, World!");
    }
}
` },
  php: { mode: 'php', mime: 'application/x-httpd-php', hello: `<?php
echo "Hello, World!\\n";
` },
  bash: { mode: 'shell', mime: 'text/x-sh', hello: `echo "Hello, World!"
` },
  sql: { mode: 'sql', mime: 'text/x-sqlite', hello: `select 'Hello, World!';
` },
  lua: { mode: 'lua', mime: 'text/x-lua', hello: `print("Hello, World!")
` },
  perl: { mode: 'perl', mime: 'text/x-perl', hello: `use strict;
use warnings;

print "Hello, World!\\n";
` },
  r: { mode: 'r', mime: 'text/x-rsrc', hello: `cat("Hello, World!\\n")
` },
  haskell: { mode: 'haskell', mime: 'text/x-haskell', hello: `main :: IO ()
main = putStrLn "Hello, World!"
` },
  swift: { mode: 'swift', mime: 'text/x-swift', hello: `print("Hello, World!")
` },
  elixir: { mode: null, mime: null, hello: `IO.puts("Hello, World!")
` }, // CodeMirror 5 has no Elixir mode
  ocaml: { mode: 'mllike', mime: 'text/x-ocaml', hello: `let () = print_endline "Hello, World!"
` },
  fortran: { mode: 'fortran', mime: 'text/x-fortran', hello: `program hello
  implicit none
  print '(a)', 'Hello, World!'
end program hello
` },
  pascal: { mode: 'pascal', mime: 'text/x-pascal', hello: `program Hello;
begin
  WriteLn('Hello, World!');
end.
` },
  clojure: { mode: 'clojure', mime: 'text/x-clojure', hello: `(println "Hello, World!")
` },
};

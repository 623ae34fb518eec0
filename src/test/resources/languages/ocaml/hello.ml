let () =
  print_endline "Hello, World!";
  print_endline Sys.ocaml_version

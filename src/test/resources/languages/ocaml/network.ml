let () =
  let s = Unix.socket Unix.PF_INET Unix.SOCK_STREAM 0 in
  try
    Unix.connect s (Unix.ADDR_INET (Unix.inet_addr_of_string "127.0.0.1", 9));
    print_endline "connected"
  with Unix.Unix_error (e, _, _) -> Printf.printf "127.0.0.1:9: %s\n" (Unix.error_message e)

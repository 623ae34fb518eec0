let () =
  while true do
    print_endline "flood flood flood flood flood flood flood flood flood flood"
  done

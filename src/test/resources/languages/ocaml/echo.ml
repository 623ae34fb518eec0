let () =
  set_binary_mode_in stdin true;
  set_binary_mode_out stdout true;
  print_string (In_channel.input_all stdin);
  Array.iteri (fun i arg -> if i > 0 then print_endline arg) Sys.argv

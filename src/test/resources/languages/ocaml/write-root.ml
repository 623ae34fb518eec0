let () =
  try
    let oc = open_out "/etc/x" in
    close_out oc;
    print_endline "written"
  with Sys_error msg -> print_endline msg

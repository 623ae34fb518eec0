program broken
  implicit none
  print *, undefined_variable
end program broken

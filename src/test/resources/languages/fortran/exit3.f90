program exit3
  implicit none
  print '(a)', 'bye'
  call exit(3)
end program exit3

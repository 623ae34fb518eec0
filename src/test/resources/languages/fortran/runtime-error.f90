program oops
  implicit none
  character(len=16) :: text
  integer :: n
  text = 'forty-two'
  read (text, *) n
  print *, n
end program oops

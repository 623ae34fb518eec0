program busy
  implicit none
  integer(8) :: i
  i = 0
  do
    i = i + 1
    if (i < 0) print *, i
  end do
end program busy

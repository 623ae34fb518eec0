program flood
  implicit none
  do
    print '(a)', 'flood flood flood flood flood flood flood flood flood flood'
  end do
end program flood

program root
  implicit none
  integer :: u, ios
  character(len=256) :: message
  open (newunit=u, file='/etc/x', status='replace', iostat=ios, iomsg=message)
  if (ios /= 0) then
    print '(a)', trim(message)
  else
    print '(a)', 'written'
  end if
end program root

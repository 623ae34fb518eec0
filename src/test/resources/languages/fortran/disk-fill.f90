! Files of 8 MB (under the 16 MB file size limit) until the disk is full.
program fill
  implicit none
  character(len=1024*1024) :: chunk
  character(len=32) :: name
  character(len=256) :: message
  integer :: i, j, u, ios, written
  chunk = repeat('x', len(chunk))
  written = 0
  do i = 0, 999
    write (name, '(a, i0)') '/tmp/fill', i
    open (newunit=u, file=trim(name), access='stream', form='unformatted', status='replace', &
          iostat=ios, iomsg=message)
    if (ios /= 0) exit
    do j = 1, 8
      write (u, iostat=ios, iomsg=message) chunk
      if (ios == 0) flush (u, iostat=ios, iomsg=message)
      if (ios /= 0) exit
      written = written + 1
    end do
    close (u)
    if (ios /= 0) exit
  end do
  print '(a, i0, a, a)', 'after ', written, ' MB: ', trim(message)
end program fill

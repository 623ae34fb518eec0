program echo
  use iso_fortran_env, only: iostat_eor, iostat_end, output_unit
  implicit none
  character(len=4096) :: buf
  integer :: ios, n, i
  character(len=:), allocatable :: arg
  integer :: length
  do
    read (*, '(a)', advance='no', iostat=ios, size=n) buf
    if (ios == iostat_end) exit
    if (ios == iostat_eor) then
      write (output_unit, '(a)') buf(1:n)
    else if (ios == 0) then
      write (output_unit, '(a)', advance='no') buf(1:n)
    else
      exit
    end if
  end do
  do i = 1, command_argument_count()
    call get_command_argument(i, length=length)
    allocate (character(len=length) :: arg)
    call get_command_argument(i, arg)
    write (output_unit, '(a)') arg
    deallocate (arg)
  end do
end program echo

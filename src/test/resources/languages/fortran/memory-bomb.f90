program bomb
  implicit none
  type block
    integer(1), allocatable :: bytes(:)
  end type block
  type(block), allocatable :: blocks(:), grown(:)
  integer :: n
  allocate (blocks(0))
  n = 0
  do
    n = n + 1
    allocate (grown(n))
    grown(1:n-1) = blocks
    allocate (grown(n)%bytes(8 * 1024 * 1024))
    grown(n)%bytes = 1
    call move_alloc(grown, blocks)
    print '(i0, a)', n * 8, ' MB'
  end do
end program bomb

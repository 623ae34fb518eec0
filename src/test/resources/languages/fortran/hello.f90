program hello
  use iso_fortran_env, only: compiler_version
  implicit none
  character(len=:), allocatable :: version
  version = compiler_version()
  print '(a)', 'Hello, World!'
  print '(a)', version(index(version, 'version ') + 8:)
end program hello

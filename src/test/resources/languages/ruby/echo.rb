$stdout.binmode
$stdout.write($stdin.binmode.read)
ARGV.each { |arg| puts arg }

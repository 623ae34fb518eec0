set -e
no_such_command --help
echo "not reached"

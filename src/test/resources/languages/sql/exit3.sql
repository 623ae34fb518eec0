select 'bye';
.exit 3

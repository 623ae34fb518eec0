#!/usr/bin/env sh
# Writes secrets/stores.env, api.env and keda.env with random values, keeping any that exists.
set -eu
cd "$(dirname "$0")/secrets"
umask 077
random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
if [ ! -f stores.env ]; then
  printf 'SPRING_RABBITMQ_USERNAME=edc\nSPRING_RABBITMQ_PASSWORD=%s\nSPRING_DATA_REDIS_PASSWORD=%s\n' "$(random)" "$(random)" > stores.env
fi
if [ ! -f api.env ]; then
  printf 'EDC_API_KEYS=%s\nEDC_ADMIN_KEYS=%s\nEDC_WEBHOOK_SECRET=%s\n' "$(random)" "$(random)" "$(random)" > api.env
fi
if [ ! -f keda.env ]; then
  user=$(sed -n 's/^SPRING_RABBITMQ_USERNAME=//p' stores.env)
  password=$(sed -n 's/^SPRING_RABBITMQ_PASSWORD=//p' stores.env)
  printf 'host=http://%s:%s@rabbitmq.edc.svc:15672/\n' "$user" "$password" > keda.env
fi
echo "secrets in $(pwd): stores.env api.env keda.env (the API key is EDC_API_KEYS in api.env)"

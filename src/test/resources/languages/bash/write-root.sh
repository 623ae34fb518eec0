echo x > /etc/x && echo written

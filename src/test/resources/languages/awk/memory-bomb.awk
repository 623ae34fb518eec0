# A string doubled until memory runs out.
BEGIN { s = "xxxxxxxxxxxxxxxx"; for (i = 0; ; i++) { s = s s; a[i] = s } }

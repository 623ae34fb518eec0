local settings = nil
print(settings.verbose)

const settings = null;
console.log(settings.verbose);

interface Settings {
  verbose: boolean;
}

const settings = JSON.parse("null") as Settings;
console.log(settings.verbose);

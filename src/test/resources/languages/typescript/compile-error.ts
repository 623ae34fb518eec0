const answer: number = "forty-two";
console.log(answer);

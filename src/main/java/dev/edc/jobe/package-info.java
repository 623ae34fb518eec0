/**
 * Jobe's REST API at {@code /jobe/index.php/restapi}, for Moodle's CodeRunner question type: a
 * synchronous {@code runs} answered with Jobe's outcome codes, {@code languages}, and Jobe's file
 * cache ({@code PUT}/{@code HEAD files/{id}}), kept in Redis per API key with a time to live and a
 * bound on how many. A thin translation onto {@code ExecutionService}: a run naming a file the
 * cache does not hold is a {@code 404}, so that CodeRunner uploads it and runs again.
 */
package dev.edc.jobe;

/**
 * The worker: takes a job, runs it in a sandbox (its language's image, commands or warm runner,
 * limits), announces its output and test verdicts as they come, turns the sandbox's facts into a
 * verdict, stores the result and queues its webhook. It readies the runner images and the warm
 * pools before taking jobs, and steers the runs its submitters cancel or type into.
 */
package dev.edc.worker;

/** Exit codes, documented in `kanslist --help`. */
export const EXIT_OK = 0;
/** Some items were not done: business exceptions went to review (or, outside `run`, a check failed). */
export const EXIT_NOT_ALL_DONE = 1;
/** Wrong usage or configuration: unknown bot, broken bot file, missing input, bad column names. */
export const EXIT_USAGE = 2;

/** (run) Items failed after their attempts or were lost, or a fatal error stopped the run. */
export const EXIT_FAILURES = 3;
/** The system the bot works in was down: the run stopped with its items pending. Run again later. */
export const EXIT_SYSTEM_UNAVAILABLE = 4;
/** (run) Stopped before its work was done: a graceful stop or its maximum duration; the rest waits. */
export const EXIT_INTERRUPTED = 5;

export const EXIT_CODES_HELP = `
Exit codes:
  0  everything asked for was done
  1  done, some items to review (business exceptions), or a check that found problems
  2  usage or configuration error (unknown bot, broken bot file, missing input file,
     wrong column names, invalid configuration)
  3  (run) failures: items failed after their attempts or were lost, or a fatal error
     (a refused login) stopped the run
  4  (run) the system was unavailable: the run stopped, its items stay pending; run again later
  5  (run) interrupted: a graceful stop or the maximum duration; the rest stays pending
  129, 130, 143  stopped at once by a second SIGHUP, SIGINT or SIGTERM`;

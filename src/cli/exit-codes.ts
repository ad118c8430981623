/** Exit codes, documented in `kanslist --help`. */
export const EXIT_OK = 0;
/** Some items were not done (business exceptions, failures, uncertain). */
export const EXIT_NOT_ALL_DONE = 1;
/** Wrong usage or configuration: unknown bot, broken bot file, missing input, bad column names. */
export const EXIT_USAGE = 2;

/** The system the bot works in was down: the run stopped with its items pending. Run again later. */
export const EXIT_SYSTEM_UNAVAILABLE = 4;

export const EXIT_CODES_HELP = `
Exit codes:
  0  everything asked for was done
  1  some items were not done (business exceptions, failures, uncertain)
  2  usage or configuration error (unknown bot, broken bot file, missing input file,
     wrong column names, invalid configuration)
  4  (run) the system was unavailable: the run stopped, its items stay pending; run again later
  129, 130, 143  stopped at once by a second SIGHUP, SIGINT or SIGTERM`;

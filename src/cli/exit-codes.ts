/** Exit codes, documented in `kanslist --help`. */
export const EXIT_OK = 0;
/** Some items were not done (business exceptions, failures, uncertain). */
export const EXIT_NOT_ALL_DONE = 1;
/** Wrong usage or configuration: unknown bot, broken bot file, missing input, bad column names. */
export const EXIT_USAGE = 2;

export const EXIT_CODES_HELP = `
Exit codes:
  0  everything asked for was done
  1  some items were not done (business exceptions, failures, uncertain)
  2  usage or configuration error (unknown bot, broken bot file, missing input file,
     wrong column names, invalid configuration)`;

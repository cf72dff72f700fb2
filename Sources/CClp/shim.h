#ifndef BUSBAR_CCLP_SHIM_H
#define BUSBAR_CCLP_SHIM_H

/* COIN-OR Clp's C interface, from Debian's coinor-libclp-dev (pkg-config clp: -I/usr/include/coin).
   Only PowerSolver's LinearProgramming folder imports it (docs/solver.md §3.2). */
#include <Clp_C_Interface.h>

#endif

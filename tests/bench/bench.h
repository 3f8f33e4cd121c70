/* The figures bench.atxf measures, one file each. */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

void bench_null(unsigned runs);
void bench_ipc(unsigned runs);
void bench_switch(unsigned runs);
void bench_irq(unsigned runs);
void bench_msix(unsigned runs);
void bench_queue(unsigned requests);

#endif

#!/usr/bin/python3
"""Writes the demo's sample NeXus/HDF5 files, one per demo experiment (EXP-1.nxs ... EXP-5.nxs), into this folder.

Run once with Debian's python3-h5py and python3-numpy; the files are committed, so the portal needs neither to seed
its demo. Each file is a small NXentry: the instrument and sample, and an NXdata group with a few detector frames
(3 frames of 20 x 20, float32) and the counts summed per frame, seeded so each experiment's data is its own and the same
at every run.
"""
import sys

import h5py
import numpy as np

EXPERIMENTS = {
    'EXP-1': ('D22', 'Block copolymers, deuterated solvent series', 'PS-b-PEO in d-EMIM'),
    'EXP-2': ('IN5', 'Kagome magnets at 1.5 K', 'Herbertsmithite'),
    'EXP-3': ('ID16', 'Cement hydration, first 48 hours', 'Portland cement paste'),
    'EXP-4': ('P03', 'Lysozyme under shear', 'Hen egg-white lysozyme'),
    'EXP-5': ('D22', 'Block copolymers, temperature ramp', 'PS-b-PEO in d-EMIM'),
}


def frames(seed, count=3, size=20):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] - (size - 1) / 2
    r = np.hypot(x, y)
    out = []
    for i in range(count):
        ring = 1000 * np.exp(-((r - 4 - 2 * i - seed % 3) ** 2) / 3)
        background = 50 * np.exp(-r / 6)
        out.append(rng.poisson(ring + background + 5).astype(np.float32))
    return np.stack(out)


def write(folder, experiment, seed):
    instrument, title, sample = EXPERIMENTS[experiment]
    data = frames(seed)
    with h5py.File(f'{folder}/{experiment}.nxs', 'w', libver=('v108', 'v110'), track_order=True) as f:
        f.attrs['NX_class'] = 'NXroot'
        f.attrs['default'] = 'entry'
        entry = f.create_group('entry')
        entry.attrs['NX_class'] = 'NXentry'
        entry.attrs['default'] = 'data'
        for name, value in (('experiment_identifier', experiment), ('title', title),
                            ('start_time', '2025-01-01T00:00:00Z')):
            entry.create_dataset(name, data=value, track_times=False)
        inst = entry.create_group('instrument')
        inst.attrs['NX_class'] = 'NXinstrument'
        inst.create_dataset('name', data=instrument, track_times=False)
        smp = entry.create_group('sample')
        smp.attrs['NX_class'] = 'NXsample'
        smp.create_dataset('name', data=sample, track_times=False)
        nxdata = entry.create_group('data')
        nxdata.attrs['NX_class'] = 'NXdata'
        nxdata.attrs['signal'] = 'frames'
        nxdata.attrs['axes'] = ['frame', '.', '.']
        # no modification times on datasets: regenerating changes little but the group headers
        nxdata.create_dataset('frames', data=data, track_times=False)
        nxdata.create_dataset('frame', data=np.arange(len(data), dtype=np.int32), track_times=False)
        nxdata.create_dataset('total_counts', data=data.sum(axis=(1, 2)), track_times=False)


if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else '.'
    for n, experiment in enumerate(EXPERIMENTS, start=1):
        write(out, experiment, n)

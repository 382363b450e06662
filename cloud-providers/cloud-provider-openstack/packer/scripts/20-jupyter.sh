#!/usr/bin/env bash
# JupyterLab in its own virtual environment, so the system Python stays as Ubuntu ships it.
set -euo pipefail

python3 -m venv /opt/jupyter
/opt/jupyter/bin/pip install --no-cache-dir --upgrade pip
/opt/jupyter/bin/pip install --no-cache-dir jupyterlab notebook ipykernel numpy scipy matplotlib h5py
/opt/jupyter/bin/python -m ipykernel install --prefix /opt/jupyter --name python3 --display-name "Python 3"

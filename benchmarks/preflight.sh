# preflight.sh: what every compare-*-with-pytorch.sh checks before it measures, sourced by them.
# Needs ROOT, ROUNDS and PYTHON set; exits 2 on a bad ROUNDS, 1 when PYTHON has no PyTorch, and builds
# rnnlab once up front so that no build lands inside a measurement.
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [ROUNDS]   (ROUNDS is a positive number, not '$ROUNDS')" >&2
    exit 2
fi
if ! "$PYTHON" -c 'import torch' >/dev/null 2>&1; then
    {
        echo "PyTorch is not importable by $PYTHON, and the comparison needs it."
        echo "Install it (Debian/Ubuntu): sudo apt-get install -y python3-torch python3-numpy libopenblas0-pthread"
        echo "or point PYTHON at an interpreter that has torch (e.g. PYTHON=~/venv/bin/python, after 'pip install torch')."
    } >&2
    exit 1
fi
"$ROOT/lab" --version >/dev/null

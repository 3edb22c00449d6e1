"""Training with torch: the loop, the networks, devices, and the exact least-squares reference."""

"""The learning lab's computations: how gradient descent and the optimizers reach the answer."""

import {
  to = arize_evaluator.hallucination
  identity = {
    id = "RXZhbHVhdG9yOjEyOmFCY0Q="
  }
}

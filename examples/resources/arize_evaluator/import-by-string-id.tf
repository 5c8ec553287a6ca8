import {
  to = arize_evaluator.hallucination
  id = "RXZhbHVhdG9yOjEyOmFCY0Q="
}

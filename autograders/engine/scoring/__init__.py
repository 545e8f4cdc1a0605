"""Rubric scoring: an exercise task and a trainee's answers -> points per criterion and Indonesian feedback. The
one scoring function used by the nbgrader test cells, the cohort grader and the book's in-page exercises."""

// Every exercise of this chapter: its check passes on the solution and fails on the problem.
import { checkEveryExercise } from '@course/kit/exercise-checks';

checkEveryExercise(`${import.meta.dirname}/..`);

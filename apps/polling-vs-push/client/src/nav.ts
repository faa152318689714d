import { courseNav } from '@course/kit/course-nav';

// The chapter has one page: the six techniques, side by side.
courseNav([{ href: '/', label: 'Side by side' }]);

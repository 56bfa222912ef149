import { askFirstPageEarly } from './features/library/firstPage';

askFirstPageEarly();

export { ShapeValidator } from './ShapeValidator.js';

import { benchData } from './data';
console.log(JSON.stringify(await benchData(), null, 1));

// Flow metrics: estimates over replications, the structural check, streaming quantiles.
export {estimate, tQuantile975} from './estimate.js'
export {LogHistogram} from './quantile.js'
export {ranks, spearman, topOverlap} from './spearman.js'
export {structuralCheck, summarise} from './summarise.js'
